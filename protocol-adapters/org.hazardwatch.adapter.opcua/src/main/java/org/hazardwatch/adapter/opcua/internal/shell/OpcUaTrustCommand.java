package org.hazardwatch.adapter.opcua.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.adapter.CertificateTrust;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

@Command(scope = "hazardwatch", name = "opcua-trust",
        description = "Shows an OPC UA adapter instance's rejected and trusted server certificates; with a file name, trusts that rejected certificate")
@Service
public class OpcUaTrustCommand implements Action {

    @Argument(index = 0, name = "instance", required = true, description = "Adapter instance name, e.g. plant1")
    String instance;

    @Argument(index = 1, name = "file", required = false, description = "A rejected certificate file to trust")
    String file;

    @Reference
    BundleContext context;

    @Override
    public Object execute() throws Exception {
        for (ServiceReference<CertificateTrust> reference : context.getServiceReferences(CertificateTrust.class, null)) {
            CertificateTrust trust = context.getService(reference);
            try {
                if (trust instanceof ProtocolAdapter adapter && adapter.type().equals("opcua")
                        && adapter.instanceName().equals(instance)) {
                    if (file != null) {
                        trust.trustRejected(file);
                        System.out.println("trusted " + file + "; the adapter uses it on its next connection attempt");
                    }
                    ShellTable table = new ShellTable();
                    for (String column : new String[] { "File", "List", "Subject", "SHA-1", "Valid until" }) {
                        table.column(column);
                    }
                    for (CertificateTrust.Certificate c : trust.certificates()) {
                        table.addRow().addContent(c.file(), c.trusted() ? "trusted" : "REJECTED", c.subject(), c.sha1(),
                                c.notAfter() == null ? "" : c.notAfter());
                    }
                    table.print(System.out);
                    String own = trust.ownCertificateFile();
                    System.out.println(own == null ? "no own certificate yet (security policy None, or not connected yet)"
                            : "this collector's certificate, for the server's trust list: " + own);
                    return null;
                }
            } finally {
                context.ungetService(reference);
            }
        }
        throw new IllegalArgumentException("No OPC UA adapter instance '" + instance + "'");
    }
}
