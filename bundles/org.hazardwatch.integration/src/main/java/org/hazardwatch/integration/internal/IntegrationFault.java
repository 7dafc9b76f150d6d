package org.hazardwatch.integration.internal;

import javax.xml.ws.WebFault;

/** A refused SOAP call, as a typed fault with its code. */
@WebFault(name = "IntegrationError", targetNamespace = IntegrationEndpoint.NAMESPACE)
public class IntegrationFault extends Exception {

    private static final long serialVersionUID = 1L;
    private final SoapTypes.IntegrationError faultInfo;

    public IntegrationFault(String code, String message) {
        super(message);
        faultInfo = new SoapTypes.IntegrationError();
        faultInfo.code = code;
        faultInfo.message = message;
    }

    public SoapTypes.IntegrationError getFaultInfo() {
        return faultInfo;
    }
}
