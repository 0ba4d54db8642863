package com.kiwoomhub.topics;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.CanonicalMessage;
import com.kiwoomhub.canonical.CloudEvent;

/**
 * Turns a canonical record into what the contract puts on a topic: the JSON value, the key and the
 * CloudEvents headers, and nothing else. Every other header (HTTP, Quartz, Kiwoom call headers)
 * is dropped so none of it leaks into Kafka.
 */
@Component("canonicalRecord")
public class CanonicalRecordStamp {

    /**
     * @param origin the Kiwoom origin: a TR id ({@code ka10095}) or {@code ws/<type>}
     */
    public void stamp(Exchange exchange, String origin) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        stamp(message, message.getMandatoryBody(CanonicalMessage.class), origin);
    }

    /** The same for a message built outside a route step, e.g. one record of a batch sent in one exchange. */
    public static void stamp(Message message, CanonicalMessage record, String origin) {
        CloudEvent event = CloudEvent.of(record, origin, OffsetDateTime.now(KST));
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, event.key());
        event.headers().forEach(message::setHeader);
        message.setBody(CanonicalJson.toJson(record));
    }
}
