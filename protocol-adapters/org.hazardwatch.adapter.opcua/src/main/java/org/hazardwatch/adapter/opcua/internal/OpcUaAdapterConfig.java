package org.hazardwatch.adapter.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code org.hazardwatch.adapter.opcua}; one instance per {@code etc/org.hazardwatch.adapter.opcua-<name>.cfg}. */
@ObjectClassDefinition(name = "HazardWatch OPC UA adapter", description = "Subscribes to the mapped nodes of one OPC UA server")
public @interface OpcUaAdapterConfig {

    @AttributeDefinition(description = "Instance name; defaults to the part after the dash in the file name")
    String name() default "";

    @AttributeDefinition(description = "Server endpoint, e.g. opc.tcp://10.0.0.5:4840/plant")
    String endpoint_url();

    @AttributeDefinition(description = "Point mapping file: CSV 'pointId,nodeId' (node ids as nsu=<uri>;s=<id> or ns=<n>;s=<id>)")
    String mapping_file();

    @AttributeDefinition(description = "Sampling interval requested from the server, in ms", min = "50")
    double sampling_interval_ms() default 1000;

    @AttributeDefinition(description = "Subscription publishing interval, in ms", min = "50")
    double publishing_interval_ms() default 1000;

    @AttributeDefinition(description = "Samples are handed to the ingest pipeline in batches at this period, in ms", min = "10")
    long batch_interval_ms() default 200;

    @AttributeDefinition(description = "Request timeout, in ms", min = "500")
    int request_timeout_ms() default 5000;

    @AttributeDefinition(description = "Longest wait between connection attempts, in seconds", min = "1")
    int reconnect_max_delay_s() default 30;

    @AttributeDefinition(description = "Security policy: None or Basic256Sha256")
    String security_policy() default "None";

    @AttributeDefinition(description = "Message security mode for Basic256Sha256: Sign or SignAndEncrypt")
    String security_mode() default "SignAndEncrypt";

    @AttributeDefinition(description = "User name login; empty for anonymous")
    String username() default "";

    @AttributeDefinition(description = "Password of the user name login", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Certificate directory: trusted/certs (servers trusted), rejected (servers "
            + "seen but not trusted), own/collector.der (this collector's certificate for the server's trust list); "
            + "empty means data/pki/opcua-<name>")
    String pki_dir() default "";
}
