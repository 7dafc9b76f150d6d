package org.hazardwatch.api.disposal;

import java.io.IOException;
import java.io.OutputStream;

/** Renders a disposal report as PDF with Chinese text (bundle org.hazardwatch.reports). */
public interface DisposalReport {

    void write(long disposalId, OutputStream out) throws IOException;
}
