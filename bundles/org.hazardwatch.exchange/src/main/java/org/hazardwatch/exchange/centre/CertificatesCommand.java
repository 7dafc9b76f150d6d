package org.hazardwatch.exchange.centre;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.security.AuditLog;

@Command(scope = "hazardwatch", name = "certificates", description = "The security centre's node certificates (national node): "
        + "organisation, role, validity, state; --revoke puts one on the revocation list")
@Service
public class CertificatesCommand implements Action {

    @Option(name = "--organisation", description = "Only this organisation code")
    String organisation;

    @Option(name = "--revoke", description = "Revoke the certificate with this serial number")
    String revoke;

    @Option(name = "--reason", description = "Why (recorded with --revoke)")
    String reason;

    @Reference(optional = true)
    SecurityCentre centre;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        CentreShell.require(centre);
        if (revoke != null) {
            NodeCertificate revoked = centre.revoke(revoke, reason, CentreShell.actor());
            CentreShell.record(audit, "exchange.revoke", "certificate", revoked.serial(), revoked.revocationReason());
            System.out.println("revoked " + revoked.serial() + " of " + revoked.organisationCode() + "; it is on the revocation list");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Serial", "Organisation", "Role", "Valid until", "State", "Issued", "By"}) {
            table.column(column);
        }
        Instant now = Instant.now();
        var certificates = centre.certificates(organisation);
        for (NodeCertificate c : certificates) {
            table.addRow().addContent(c.serial(), c.organisationCode(), c.role(), c.notAfter(), c.statusAt(now)
                    + (c.revocationReason() == null ? "" : " (" + c.revocationReason() + ")"), c.issuedAt(), c.issuedBy());
        }
        table.print(System.out);
        System.out.println(certificates.size() + " certificates");
        return null;
    }
}
