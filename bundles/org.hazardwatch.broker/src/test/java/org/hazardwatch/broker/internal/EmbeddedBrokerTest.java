package org.hazardwatch.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

class EmbeddedBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void persistentMessagesSurviveABrokerRestart() throws Exception {
        EmbeddedBroker first = new EmbeddedBroker("hwtest", "", true, dataDir.toFile(), 256, 16);
        first.start();
        try (Connection connection = first.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("hazardwatch.samples"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("{\"pointId\":\"T1\"}"));
        }
        first.stop();
        assertFalse(first.isStarted());

        EmbeddedBroker second = new EmbeddedBroker("hwtest", "", true, dataDir.toFile(), 256, 16);
        second.start();
        try (Connection connection = second.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("hazardwatch.samples"));
            TextMessage message = (TextMessage) consumer.receive(5_000);
            assertNotNull(message, "queued message kept across restart");
            assertEquals("{\"pointId\":\"T1\"}", message.getText());
            assertTrue(second.isStarted());
        } finally {
            second.stop();
        }
    }
}
