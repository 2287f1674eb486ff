package com.chaching.testing;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts datasource-proxy around the application's DataSource, so that {@link RecordedStatements} sees every statement. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementRecording {

    @Bean
    static RecordedStatements recordedStatements() {
        return new RecordedStatements();
    }

    @Bean
    static BeanPostProcessor recordEveryStatement(RecordedStatements recorded) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(recorded.listener()).build();
                }
                return bean;
            }
        };
    }
}
