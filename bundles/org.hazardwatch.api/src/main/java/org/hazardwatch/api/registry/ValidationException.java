package org.hazardwatch.api.registry;

import java.util.List;

/** Input was rejected; every rejected field is listed. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> fieldErrors;

    public ValidationException(List<FieldError> fieldErrors) {
        super(fieldErrors.size() + (fieldErrors.size() == 1 ? " field rejected: " : " fields rejected: ")
                + String.join("; ", fieldErrors.stream().map(e -> e.field() + " " + e.message()).toList()));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
