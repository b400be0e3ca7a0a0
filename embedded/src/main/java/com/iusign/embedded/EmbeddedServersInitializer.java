package com.iusign.embedded;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the embedded servers to the application context as a bean on which every
 * {@link DataSource} and Redis connection factory depends, so that Spring destroys the
 * connection pools first and stops the servers last; and the embedded SMTP server's
 * {@link EmbeddedMailbox}, when one runs, as a bean of its own for the console's outbox.
 */
final class EmbeddedServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "iusignEmbeddedServers";
    static final String MAILBOX_BEAN_NAME = "iusignEmbeddedMailbox";
    private static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

    private final EmbeddedServers servers;

    EmbeddedServersInitializer(EmbeddedServers servers) {
        this.servers = servers;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new DependOnEmbeddedServers(servers));
    }

    private record DependOnEmbeddedServers(EmbeddedServers servers) implements BeanFactoryPostProcessor {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            RootBeanDefinition definition = new RootBeanDefinition(EmbeddedServers.class, () -> servers);
            definition.setDestroyMethodName("close");
            definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(BEAN_NAME, definition);
            if (servers.mailbox() != null) {
                RootBeanDefinition mailbox = new RootBeanDefinition(EmbeddedMailbox.class, servers::mailbox);
                mailbox.setDependsOn(BEAN_NAME);
                ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(MAILBOX_BEAN_NAME, mailbox);
            }

            Set<String> clients = new LinkedHashSet<>(Arrays.asList(beanFactory.getBeanNamesForType(DataSource.class, true, false)));
            redisConnectionFactoryType(beanFactory).ifPresent(type ->
                    clients.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type, true, false))));
            for (String client : clients) {
                if (!beanFactory.containsBeanDefinition(client)) {
                    continue;
                }
                BeanDefinition clientDefinition = beanFactory.getBeanDefinition(client);
                String[] dependsOn = clientDefinition.getDependsOn();
                String[] extended = dependsOn == null ? new String[1] : Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[extended.length - 1] = BEAN_NAME;
                clientDefinition.setDependsOn(extended);
            }
        }

        private static Optional<Class<?>> redisConnectionFactoryType(ConfigurableListableBeanFactory beanFactory) {
            try {
                return Optional.of(Class.forName(REDIS_CONNECTION_FACTORY, false, beanFactory.getBeanClassLoader()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        }
    }
}
