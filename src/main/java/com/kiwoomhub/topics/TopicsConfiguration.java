package com.kiwoomhub.topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The topic setup: every {@code topics.*} name with its settings, brought into the cluster at start. */
@Configuration(proxyBeanMethods = false)
public class TopicsConfiguration {

    @Bean
    TopicSetup topicSetup(Environment env, TopicsProperties settings, ObjectProvider<TopicDeclaration> declarations,
                          @Value("${kafka.bootstrap-servers}") String bootstrapServers, ApplicationContext context) {
        return new TopicSetup(bootstrapServers,
                TopicCatalog.specs(TopicCatalog.names(env), settings, declarations.orderedStream().toList()),
                settings, context);
    }
}
