package org.hazardwatch.transfer.internal;

/** A file that cannot be read at all (not a spreadsheet, not UTF-8, too large); nothing of it is imported. */
final class InvalidFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidFileException(String message) {
        super(message);
    }
}
