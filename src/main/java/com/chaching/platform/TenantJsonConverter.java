package com.chaching.platform;

import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON writer, Spring Boot's own but for one thing: it tells {@link LivemodeProperty} whether the
 * request's account is live, so every object in the answer says so.
 */
final class TenantJsonConverter extends JacksonJsonHttpMessageConverter {

    TenantJsonConverter(JsonMapper json) {
        super(json);
    }

    @Override
    protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType type, MediaType mediaType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object tenant = request == null ? null : request.getAttribute(Tenant.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return tenant instanceof Tenant known ? writer.withAttribute(LivemodeProperty.ATTRIBUTE, known.livemode()) : writer;
    }
}
