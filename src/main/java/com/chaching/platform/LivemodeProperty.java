package com.chaching.platform;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * api.md "Representation": every object says whether it belongs to a live account, as Stripe's do. The
 * records do not carry it (an object never leaves its own account, so it is the reader's mode, not the
 * object's): every type with an {@code object} property gets {@code livemode} right after it, written from
 * the {@link #ATTRIBUTE} the writer was given. The API's JSON converter gives it the request's tenant's
 * mode ({@code TenantJsonConverter}), the event log the event's account's; a writer given none leaves it out.
 */
public final class LivemodeProperty extends ValueSerializerModifier {

    public static final String ATTRIBUTE = "chaching.livemode";
    static final String NAME = "livemode";

    /**
     * Whether {@code type} is an object of an account that gets the property: a record with an {@code object}
     * name (a string) and no {@code livemode} of its own (accounts, events and webhook endpoints carry it
     * themselves), other than a list page or the service's index, which belong to no account.
     */
    static boolean applies(Class<?> type) {
        if (!type.isRecord() || type == Page.class || type == ServiceIndex.class) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return Arrays.stream(components).anyMatch(component -> component.getName().equals("object") && component.getType() == String.class)
                && Arrays.stream(components).noneMatch(component -> component.getName().equals(NAME));
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier description,
                                                     List<BeanPropertyWriter> properties) {
        if (!applies(description.getBeanClass())) {
            return properties;
        }
        List<BeanPropertyWriter> withLivemode = new ArrayList<>(properties);
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).getName().equals("object")) {
                withLivemode.add(i + 1, new LivemodeWriter(properties.get(i)));
                return withLivemode;
            }
        }
        return properties;
    }

    /** Writes {@code "livemode": true|false} from the writer's attribute; nothing when it has none. */
    static final class LivemodeWriter extends BeanPropertyWriter {

        LivemodeWriter(BeanPropertyWriter object) {
            super(object, new SerializedString(NAME));
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator generator, SerializationContext context) {
            if (context.getAttribute(ATTRIBUTE) instanceof Boolean livemode) {
                generator.writeName(NAME);
                generator.writeBoolean(livemode);
            }
        }
    }
}
