// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ModelInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rationale models}: lists the models an endpoint offers, one per line. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "List the models an endpoint offers, one name per line.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpointOptions;

    @Option(names = "--json", description = "Print a JSON array of {id, parameters, sizeSource, contextLength};"
            + " sizeSource is MEASURED (counted from the weights), REPORTED (the server's label) or NAME.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        List<ModelInfo> models = EndpointOptions.provider(endpointOptions.resolve(spec)).listModels();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(models));
        } else {
            models.forEach(m -> out.println(m.id()));
        }
        out.flush();
        return 0;
    }
}
