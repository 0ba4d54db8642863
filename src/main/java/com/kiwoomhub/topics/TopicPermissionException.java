package com.kiwoomhub.topics;

/** The cluster refused an operation on a topic for lack of an ACL; the message names topic and permission. */
public class TopicPermissionException extends IllegalStateException {

    public TopicPermissionException(String topic, String operation, String advice, Throwable cause) {
        super("Kafka refused " + operation + " on topic " + topic + ": the hub's principal needs the " + operation
                + " permission on topic " + topic + " (or on the cluster). " + advice, cause);
    }
}
