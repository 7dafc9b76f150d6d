package org.hazardwatch.api.registration;

import java.io.IOException;

/**
 * Writes the notice of a registered application (登记通知书 / 注销通知书) as PDF. Offered by the reports bundle; without it
 * applications cannot be notified.
 */
public interface NoticeRenderer {

    /**
     * @param registrarName the registering organisation, as it signs the notice
     */
    byte[] render(RegistrationCase registration, String registrarName) throws IOException;
}
