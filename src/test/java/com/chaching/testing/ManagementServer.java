package com.chaching.testing;

import java.net.InetAddress;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The management server (the actuator endpoints on a port of their own), caught as it starts: its child
 * context's events reach the main context, which is the only one a test can reach.
 */
@TestComponent
public class ManagementServer implements ApplicationListener<WebServerInitializedEvent> {

    private volatile WebServer server;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            server = event.getWebServer();
        }
    }

    /** The address its connector is bound to; null would mean every interface. */
    public InetAddress boundAddress() {
        if (!(server instanceof TomcatWebServer tomcat)) {
            throw new IllegalStateException("no management server of its own was started: " + server);
        }
        return (InetAddress) tomcat.getTomcat().getConnector().getProperty("address");
    }
}
