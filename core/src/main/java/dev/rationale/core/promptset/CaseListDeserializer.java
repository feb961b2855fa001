// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a list of test cases into a {@link CaseList} as it goes, so a set's cases never exist all at once as
 * records. Anything but a list (a wrong type, {@code null}) is left to Jackson's own list reader, and a problem in
 * a case is given the case's index as Jackson's would: the messages about a bad file stay the same.
 */
final class CaseListDeserializer extends StdDeserializer<Object>
        implements ContextualDeserializer, ResolvableDeserializer {
    private final JsonDeserializer<?> lists;
    private final @Nullable JsonDeserializer<?> cases;

    private CaseListDeserializer(JsonDeserializer<?> lists, @Nullable JsonDeserializer<?> cases) {
        super(List.class);
        this.lists = lists;
        this.cases = cases;
    }

    /** Puts this reader in place of Jackson's for every list of test cases. */
    static final class Installer extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return type.getContentType().hasRawClass(TestCase.class)
                    ? new CaseListDeserializer(deserializer, null) : deserializer;
        }
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        if (lists instanceof ResolvableDeserializer resolvable) {
            resolvable.resolve(context);
        }
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = lists instanceof ContextualDeserializer c
                ? c.createContextual(context, property) : lists;
        JsonDeserializer<?> caseReader = context.findContextualValueDeserializer(
                context.constructType(TestCase.class), property);
        return new CaseListDeserializer(contextual, caseReader);
    }

    @Override
    public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (cases == null || !parser.isExpectedStartArrayToken()) {
            return lists.deserialize(parser, context);
        }
        CaseList.Builder builder = new CaseList.Builder();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            try {
                builder.add(token == JsonToken.VALUE_NULL ? null : (TestCase) cases.deserialize(parser, context));
            } catch (IOException | RuntimeException e) {
                throw JsonMappingException.wrapWithPath(e, builder, builder.size());
            }
        }
        return builder.build();
    }

    @Override
    public @Nullable Object getNullValue(DeserializationContext context) throws JsonMappingException {
        return lists.getNullValue(context);
    }

    @Override
    public @Nullable Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
        return lists.getEmptyValue(context);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Collection;
    }
}
