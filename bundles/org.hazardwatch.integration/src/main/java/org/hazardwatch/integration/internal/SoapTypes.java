package org.hazardwatch.integration.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** The XML types of the SOAP service (namespace {@value IntegrationEndpoint#NAMESPACE}), as the WSDL describes them. */
final class SoapTypes {

    private SoapTypes() {
    }

    /** One reading of a local system. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Reading", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "pointId", "time", "value", "quality" })
    public static class Reading {
        @XmlElement(required = true)
        public String pointId;
        /** When it was measured (xs:dateTime with a time zone). */
        @XmlElement(required = true)
        public Date time;
        @XmlElement(required = true, nillable = true)
        public Double value;
        /** GOOD (default), UNCERTAIN or BAD. */
        public String quality;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RefusedReading", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "index", "pointId", "reason" })
    public static class RefusedReading {
        /** Position of the reading in the request, from 0. */
        public int index;
        public String pointId;
        public String reason;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SubmitReadingsResult", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "accepted", "refused" })
    public static class SubmitReadingsResult {
        public int accepted;
        public List<RefusedReading> refused = new ArrayList<>();
    }

    /** A command sent down from an upper node, with the answer of its target. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Command", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "id", "type", "enterpriseCode", "pointId",
            "content", "requestedBy", "requestedAt", "status", "detail", "answeredAt" })
    public static class Command {
        public String id;
        /** threshold-change */
        public String type;
        public String enterpriseCode;
        public String pointId;
        /** The command as JSON (for a threshold change: origin, limits, reason). */
        public String content;
        public String requestedBy;
        public Date requestedAt;
        /** SENT, APPLIED or REFUSED. */
        public String status;
        public String detail;
        public Date answeredAt;
    }

    /** What a refused call says: a code (UNAUTHENTICATED, FORBIDDEN, INVALID) and a message. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "IntegrationError", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "code", "message" })
    public static class IntegrationError {
        public String code;
        public String message;
    }
}
