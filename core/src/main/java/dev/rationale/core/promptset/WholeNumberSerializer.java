// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a whole-valued double without a fraction: a file saying {@code "temperature": 0} reads into a
 * {@code Double} 0.0, and must be written back as {@code 0}, not {@code 0.0}, to keep load and save
 * byte-identical. Other values are written as Java prints them ({@code 0.7}).
 */
final class WholeNumberSerializer extends StdSerializer<Double> {
    // Beyond 2^53 not every whole number is a double, and such values are no generation setting anyway.
    private static final double LARGEST_EXACT = 9_007_199_254_740_992.0;

    WholeNumberSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        double number = value;
        if (number == Math.rint(number) && Math.abs(number) <= LARGEST_EXACT) {
            generator.writeNumber((long) number);
        } else {
            generator.writeNumber(number);
        }
    }
}
