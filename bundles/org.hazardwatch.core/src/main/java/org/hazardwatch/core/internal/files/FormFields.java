package org.hazardwatch.core.internal.files;

import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.security.Caller;

/** Checks of form fields that collect every problem as a {@link FieldError} before anything is refused. */
public final class FormFields {

    private FormFields() {
    }

    /** A text field, stripped; blank is null. Adds REQUIRED or TOO_LONG to {@code errors}. */
    public static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v == null && required) {
            errors.add(new FieldError(field, "REQUIRED", "required"));
        } else if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "TOO_LONG", "at most " + max + " characters"));
        }
        return v;
    }

    /**
     * The enterprise with this USCC if the caller sees it; else null with UNKNOWN added to {@code errors} (the same
     * for one that does not exist and one outside the scope, so guessing reveals nothing).
     */
    public static Enterprise enterpriseInScope(RegistryService registry, Caller caller, String uscc, String field, List<FieldError> errors) {
        String code = uscc == null ? null : uscc.strip();
        Optional<Enterprise> found = code == null || code.isEmpty() ? Optional.empty()
                : registry.enterprises(null, code, 0, 2).items().stream().filter(e -> e.uscc().equals(code)).findFirst();
        if (found.isEmpty() || !caller.sees(found.get().regionCode(), found.get().parkCode(), found.get().uscc())) {
            errors.add(new FieldError(field, "UNKNOWN", "no enterprise " + uscc + " in your scope"));
            return null;
        }
        return found.get();
    }
}
