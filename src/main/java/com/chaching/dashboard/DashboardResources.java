package com.chaching.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's static files. The API serves no static resources (spring.web.resources.add-mappings is
 * off), so these two locations are the only ones: our stylesheet, and the WebJars' scripts at version-less
 * paths ({@code /webjars/htmx.org/dist/htmx.min.js}), which webjars-locator-lite resolves.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/assets/**").addResourceLocations("classpath:/static/dashboard/");
        // The resource chain adds LiteWebJarsResourceResolver when webjars-locator-lite is on the classpath.
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }
}
