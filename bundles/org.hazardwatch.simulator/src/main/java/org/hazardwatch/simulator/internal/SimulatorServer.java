package org.hazardwatch.simulator.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;

/** The simulated plant's OPC UA server (Eclipse Milo), anonymous and unsecured, bound to one local address. */
public class SimulatorServer {

    public static final String APPLICATION_URI = "urn:hazardwatch:simulator";

    private final OpcUaServer server;
    private final TankFarmNamespace namespace;
    private final String endpointUrl;

    public SimulatorServer(String bindAddress, int port, String path, Path pkiDirectory, List<SimPoint> plant) throws Exception {
        this(bindAddress, port, path, pkiDirectory, plant, null, null);
    }

    /**
     * A server that also offers Basic256Sha256 (Sign and SignAndEncrypt) and, when {@code username} is set, a user name
     * login. Client certificates are trusted when they are in {@code <pki>/trusted/certs}; unknown ones land in
     * {@code <pki>/rejected}.
     */
    public SimulatorServer(String bindAddress, int port, String path, Path pkiDirectory, List<SimPoint> plant, String username,
            String password) throws Exception {
        Files.createDirectories(pkiDirectory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("HazardWatch simulated tank farm")
                .setOrganization("HazardWatch")
                .setCountryCode("CN") // required with Bouncy Castle >= 1.80
                .setApplicationUri(APPLICATION_URI)
                .addIpAddress(bindAddress)
                .build();
        DefaultTrustListManager trustList = new DefaultTrustListManager(pkiDirectory.toFile());
        Set<EndpointConfiguration> endpoints = new java.util.LinkedHashSet<>();
        boolean users = username != null && !username.isBlank();
        for (SecurityPolicy policy : List.of(SecurityPolicy.None, SecurityPolicy.Basic256Sha256)) {
            List<MessageSecurityMode> modes = policy == SecurityPolicy.None ? List.of(MessageSecurityMode.None)
                    : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt);
            for (MessageSecurityMode mode : modes) {
                EndpointConfiguration.Builder builder = EndpointConfiguration.newBuilder()
                        .setBindAddress(bindAddress)
                        .setHostname(bindAddress)
                        .setBindPort(port)
                        .setPath(path)
                        .setCertificate(certificate)
                        .setSecurityPolicy(policy)
                        .setSecurityMode(mode)
                        .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
                if (users) {
                    builder.addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
                }
                endpoints.add(builder.build());
            }
        }
        IdentityValidator<?> identities = users
                ? new UsernameIdentityValidator(true, challenge -> username.equals(challenge.getUsername())
                        && password != null && password.equals(challenge.getPassword()))
                : AnonymousIdentityValidator.INSTANCE;
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("HazardWatch simulated tank farm"))
                .setProductUri("urn:hazardwatch")
                .setBuildInfo(new BuildInfo("urn:hazardwatch", "HazardWatch", "HazardWatch tank farm simulator", "0.1.0", "",
                        DateTime.now()))
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                .setTrustListManager(trustList)
                .setCertificateValidator(new DefaultServerCertificateValidator(trustList))
                .setIdentityValidator(identities)
                .build();
        server = new OpcUaServer(config);
        namespace = new TankFarmNamespace(server, plant);
        namespace.startup();
        endpointUrl = "opc.tcp://" + bindAddress + ":" + port + path;
    }

    public void start() throws Exception {
        server.startup().get(30, TimeUnit.SECONDS);
    }

    public void update(Map<String, Double> values) {
        namespace.update(values);
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public void stop() throws Exception {
        namespace.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }
}
