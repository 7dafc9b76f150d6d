package org.hazardwatch.api.security;

import java.io.IOException;
import java.io.Writer;

import org.hazardwatch.api.registry.Page;

/** The tamper-evident audit log (G4). Appends are serialised across nodes sharing the database. */
public interface AuditLog {

    /** Appends an entry and returns it with its position and hash. Never throws for bad field values: it truncates. */
    AuditEntry append(AuditEntry.Draft draft);

    /** Entries the caller may read (their scope's actors), newest first. */
    Page<AuditEntry> search(Caller caller, AuditQuery query, int page, int size);

    /** Writes the matching entries (oldest first) as UTF-8 CSV with a header; returns how many. */
    long export(Caller caller, AuditQuery query, Writer out) throws IOException;

    /** Re-computes the whole chain. */
    AuditVerification verify();
}
