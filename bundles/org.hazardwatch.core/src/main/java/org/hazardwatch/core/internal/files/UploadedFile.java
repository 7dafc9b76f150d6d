package org.hazardwatch.core.internal.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;

/**
 * A file someone uploaded (a disposal photo, a registration document, rectification evidence), checked and read once:
 * a safe name, a media type, at most {@code maxBytes}, not empty, with its SHA-256 to show later it was not changed.
 */
public record UploadedFile(String fileName, String contentType, byte[] content, String sha256) {

    /**
     * Reads and checks an upload; every problem is a field error ({@code fileName}, {@code contentType}, {@code content}).
     * Path separators and control characters in the name become {@code _}, so the name is safe to offer back as a
     * download name.
     */
    public static UploadedFile read(String fileName, String contentType, InputStream content, long maxBytes) {
        List<FieldError> errors = new ArrayList<>();
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("fileName", "REQUIRED", "give the file's name"));
        } else if (name.length() > 255) {
            errors.add(new FieldError("fileName", "TOO_LONG", "at most 255 characters"));
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        if (type.length() > 100 || !type.matches("[\\w.+-]+/[\\w.+-]+(;.*)?")) {
            errors.add(new FieldError("contentType", "INVALID", "not a media type: " + type));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        byte[] bytes = readLimited(content, maxBytes);
        if (bytes.length == 0) {
            throw new ValidationException(List.of(new FieldError("content", "EMPTY", "the file is empty")));
        }
        return new UploadedFile(name, type, bytes, sha256(bytes));
    }

    private static byte[] readLimited(InputStream content, long maxBytes) {
        if (content == null) {
            return new byte[0];
        }
        try (InputStream in = content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new ValidationException(List.of(new FieldError("content", "TOO_LARGE", "at most " + maxBytes / (1024 * 1024) + " MB")));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
