// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SourceMapTest {
    private static final String JSON = """
            {
              "name": "x",
              "tasks": [
                {
                  "id": "t",
                  "variants": [
                    {"id": "a"},
                    {"id": "b", "shots": -1}
                  ]
                }
              ]
            }
            """;

    @Test
    void locatesAValueWhereItStarts() throws IOException {
        SourceMap map = read(JSON, FileSyntax.JSON);

        assertThat(map.locate("name")).isEqualTo(new SourceMap.Location(2, 11));
        assertThat(map.locate("tasks[0].variants[1].shots")).isEqualTo(new SourceMap.Location(8, 30));
        assertThat(map.locate("tasks[0].variants[1]")).isEqualTo(new SourceMap.Location(8, 9));
        assertThat(map.locate("")).isEqualTo(new SourceMap.Location(1, 1));
    }

    @Test
    void placesAnAbsentFieldAtItsNearestAncestor() throws IOException {
        SourceMap map = read(JSON, FileSyntax.JSON);

        assertThat(map.locate("tasks[0].variants[0].template.input")).isEqualTo(map.locate("tasks[0].variants[0]"));
        assertThat(map.locate("description")).isEqualTo(map.locate(""));
    }

    @Test
    void locatesYamlValuesToo() throws IOException {
        SourceMap map = read("name: x\ntasks:\n  - id: t\n    variants:\n      - id: a\n        shots: -1\n",
                FileSyntax.YAML);

        assertThat(map.locate("tasks[0].variants[0].shots")).isEqualTo(new SourceMap.Location(6, 16));
        assertThat(map.locate("tasks[0].id")).isEqualTo(new SourceMap.Location(3, 9));
    }

    @Test
    void theEmptyMapKnowsNoLocation() {
        assertThat(SourceMap.NONE.locate("tasks[0].id").isKnown()).isFalse();
    }

    private static SourceMap read(String text, FileSyntax syntax) throws IOException {
        try (JsonParser parser = syntax.mapper().createParser(text)) {
            return SourceMap.read(parser);
        }
    }
}
