package org.hazardwatch.integration.internal;

import java.math.BigDecimal;
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

    /** An alarm a local system raised or returned. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "AlarmReport", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "pointId", "kind", "state", "time", "value",
            "limit", "priority" })
    public static class AlarmReport {
        @XmlElement(required = true)
        public String pointId;
        /** HIGH_HIGH, HIGH, LOW, LOW_LOW, RATE_OF_CHANGE or FAULT. */
        @XmlElement(required = true)
        public String kind;
        /** ACTIVE or RETURNED. */
        @XmlElement(required = true)
        public String state;
        /** When it changed (xs:dateTime with a time zone). */
        @XmlElement(required = true)
        public Date time;
        /** The value at the change; required for an activation except of FAULT. */
        public Double value;
        /** The limit crossed. */
        public Double limit;
        /** HIGH, MEDIUM or LOW (default: HIGH for HIGH_HIGH, LOW_LOW and FAULT, MEDIUM otherwise). */
        public String priority;
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
        /** threshold-change or live-query */
        public String type;
        public String enterpriseCode;
        public String pointId;
        /** The command as JSON (for a threshold change: origin, limits, reason). */
        public String content;
        public String requestedBy;
        public Date requestedAt;
        /** SENT, APPLIED, ANSWERED or REFUSED. */
        public String status;
        public String detail;
        public Date answeredAt;
    }

    /** An enterprise as the local system keeps it; matched by its USCC (created or updated). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Enterprise", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "uscc", "name", "regionCode", "parkCode",
            "industryCode", "industryGroup", "address", "longitude", "latitude", "contactName", "contactPhone", "status" })
    public static class EnterpriseRecord {
        /** Unified social credit code (18 characters). */
        @XmlElement(required = true)
        public String uscc;
        @XmlElement(required = true)
        public String name;
        /** County code (GB/T 2260, six digits). */
        @XmlElement(required = true)
        public String regionCode;
        public String parkCode;
        /** GB/T 4754-2017 class, e.g. 2614. */
        public String industryCode;
        /** PETROCHEMICALS, FINE_CHEMICALS, ... (derived from the industry when empty). */
        public String industryGroup;
        public String address;
        public Double longitude;
        public Double latitude;
        public String contactName;
        public String contactPhone;
        /** OPERATING (default), SUSPENDED, CLOSED. */
        public String status;
    }

    /** A major hazard source of an enterprise; matched by the enterprise's USCC and its code. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "HazardSource", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "enterprise", "code", "name", "status",
            "exposedPeople", "potentialDeaths", "accidentType", "unit" })
    public static class HazardSourceRecord {
        /** USCC of its enterprise (registered before, or in the same call). */
        @XmlElement(required = true)
        public String enterprise;
        @XmlElement(required = true)
        public String code;
        @XmlElement(required = true)
        public String name;
        /** ACTIVE (default), SUSPENDED or DEREGISTERED. */
        public String status;
        /** People outside the plant within 500 m (α of GB 18218-2018 Table 5). */
        public Integer exposedPeople;
        public Integer potentialDeaths;
        /** FIRE, EXPLOSION, POISONING, ... (AccidentType); none: derived from the substances. */
        public List<String> accidentType = new ArrayList<>();
        public List<UnitRecord> unit = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "HazardUnit", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "code", "name", "kind", "equipment", "inventory" })
    public static class UnitRecord {
        @XmlElement(required = true)
        public String code;
        public String name;
        /** STORAGE or PRODUCTION. */
        @XmlElement(required = true)
        public String kind;
        public List<EquipmentRecord> equipment = new ArrayList<>();
        public List<InventoryRecord> inventory = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Equipment", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "code", "name", "kind", "designCapacity" })
    public static class EquipmentRecord {
        @XmlElement(required = true)
        public String code;
        public String name;
        /** TANK, REACTOR, ... */
        @XmlElement(required = true)
        public String kind;
        public BigDecimal designCapacity;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "InventoryItem", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "equipmentCode", "substance", "cas", "tonnes" })
    public static class InventoryRecord {
        public String equipmentCode;
        @XmlElement(required = true)
        public String substance;
        public String cas;
        /** Largest quantity present, in tonnes. */
        @XmlElement(required = true)
        public BigDecimal tonnes;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RegistrationError", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "item", "index", "field", "code", "message" })
    public static class RegistrationError {
        /** enterprise or hazardSource */
        public String item;
        /** Position of the item in its list in the request, from 0. */
        public int index;
        public String field;
        public String code;
        public String message;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "SubmitRegistrationResult", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "applied", "dryRun",
            "enterprisesCreated", "enterprisesUpdated", "sourcesCreated", "sourcesUpdated", "error" })
    public static class SubmitRegistrationResult {
        /** Whether it was written: all of it, or nothing when any item has an error. */
        public boolean applied;
        public boolean dryRun;
        public int enterprisesCreated;
        public int enterprisesUpdated;
        public int sourcesCreated;
        public int sourcesUpdated;
        public List<RegistrationError> error = new ArrayList<>();
    }

    /** What a refused call says: a code (UNAUTHENTICATED, FORBIDDEN, INVALID) and a message. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "IntegrationError", namespace = IntegrationEndpoint.NAMESPACE, propOrder = { "code", "message" })
    public static class IntegrationError {
        public String code;
        public String message;
    }
}
