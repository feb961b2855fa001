// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes every unknown field during one binding and skips it, so a file with several misspelt fields reports them
 * all at once rather than one per attempt. The reader rejects the file afterwards if any were found. One
 * collector serves one read.
 */
final class UnknownFieldCollector extends DeserializationProblemHandler {
    private final String file;
    private final SourceMap map;
    private final List<Problem> problems = new ArrayList<>();

    UnknownFieldCollector(String file, SourceMap map) {
        this.file = file;
        this.map = map;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
        JsonToken token = parser.currentToken();
        // On an object or list value the parser has already stepped inside it; the field is one level up.
        JsonStreamContext field = token != null && token.isStructStart()
                ? parser.getParsingContext().getParent()
                : parser.getParsingContext();
        String path = FieldPath.of(field);
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        problems.add(Problem.at(file, map.locate(path), path, JacksonProblems.unknownField(propertyName, type)));
        parser.skipChildren();
        return true;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }
}
