package com.chaching.events;

import com.chaching.platform.ApiProblem;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * events.md's URL rules: a webhook goes to a public address only, so that an account cannot make the
 * server call into its own network (the cloud's metadata service, a database, localhost). Checked when an
 * endpoint is registered and again before each delivery, since a name may resolve elsewhere later.
 * {@code CHACHING_WEBHOOKS_ALLOW_PRIVATE=true} lifts the address rule, for local development.
 */
@Component
class WebhookUrls {

    private final boolean allowPrivate;

    WebhookUrls(@Value("${chaching.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI, or a 400 naming {@code param} that says what is wrong with it. */
    URI check(String url, boolean livemode, String param) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiProblem.invalid(param, "url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (livemode ? !scheme.equals("https") : !(scheme.equals("https") || scheme.equals("http"))) {
            throw ApiProblem.invalid(param, livemode ? "A live account's webhook URL must be https." : "url must be http or https.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ApiProblem.invalid(param, "url must name a host, and no user or password.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw ApiProblem.invalid(param, "url's host " + uri.getHost() + " does not resolve.");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw ApiProblem.invalid(param, "url's host resolves to " + address.getHostAddress()
                            + ", a private, loopback or link-local address; webhooks go to public addresses only.");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local (fd00:ec2::254 is a metadata address)
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first != 0 // 0.0.0.0/8, "this network"
                && !(first == 100 && second >= 64 && second < 128); // 100.64.0.0/10, carrier-grade NAT
    }
}
