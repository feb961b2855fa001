// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpErrorsTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("statusTable")
    void mapsStatusAndBodyToKindAndMessage(int status, String body, Kind kind, String message) {
        ProviderException e = HttpErrors.fromStatus("OpenAI", status, body);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isEqualTo("OpenAI: HTTP " + status + message);
        assertThat(e.status()).isEqualTo(status);
    }

    static Stream<Arguments> statusTable() {
        return Stream.of(
            row(401, "{'error':{'message':'Incorrect API key provided','type':'invalid_request_error',"
                    + "'code':'invalid_api_key'}}",
                    Kind.AUTHENTICATION, " (invalid_request_error): Incorrect API key provided"),
            row(403, "{'type':'error','error':{'type':'permission_error','message':'Your key lacks access'}}",
                    Kind.AUTHENTICATION, " (permission_error): Your key lacks access"),
            row(400, "{'error':{'code':400,'message':'API key not valid. Please pass a valid API key.',"
                    + "'status':'INVALID_ARGUMENT'}}",
                    Kind.AUTHENTICATION, " (INVALID_ARGUMENT): API key not valid. Please pass a valid API key."),
            row(404, "{'error':{'message':'The model `gpt-9` does not exist','type':'invalid_request_error'}}",
                    Kind.MODEL_NOT_FOUND, " (invalid_request_error): The model `gpt-9` does not exist"),
            row(404, "{'error':'model llama9 not found, try pulling it first'}",
                    Kind.MODEL_NOT_FOUND, ": model llama9 not found, try pulling it first"),
            row(404, "404 page not found",
                    Kind.INVALID_REQUEST, ": 404 page not found (check the endpoint's base URL)"),
            row(400, "{'error':{'message':'top_logprobs must be at most 20','type':'invalid_request_error',"
                    + "'param':'top_logprobs'}}",
                    Kind.INVALID_REQUEST, " (invalid_request_error): top_logprobs must be at most 20"),
            row(422, "{'object':'error','message':'n must be 1 when using greedy sampling',"
                    + "'type':'BadRequestError','code':422}",
                    Kind.INVALID_REQUEST, " (BadRequestError): n must be 1 when using greedy sampling"),
            row(408, "request timeout",
                    Kind.TIMEOUT, ": request timeout"),
            row(409, "{'error':{'message':'conflict'}}",
                    Kind.TIMEOUT, ": conflict"),
            row(429, "{'error':{'code':429,'message':'Quota exceeded','status':'RESOURCE_EXHAUSTED'}}",
                    Kind.RATE_LIMITED, " (RESOURCE_EXHAUSTED): Quota exceeded"),
            row(429, "[{'error':{'code':429,'message':'Slow down','status':'RESOURCE_EXHAUSTED'}}]",
                    Kind.RATE_LIMITED, " (RESOURCE_EXHAUSTED): Slow down"),
            row(500, "{'error':{'code':500,'message':'llama_decode failed','type':'server_error'}}",
                    Kind.SERVER_ERROR, " (server_error): llama_decode failed"),
            row(529, "{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}",
                    Kind.SERVER_ERROR, " (overloaded_error): Overloaded"),
            row(503, "{'error':{'code':503,'message':'Loading model','type':'unavailable_error'}}",
                    Kind.SERVER_ERROR, " (unavailable_error): Loading model"),
            row(502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                    Kind.SERVER_ERROR, ": <html><body><h1>502 Bad Gateway</h1></body></html>"));
    }

    /** A table row; single quotes in a JSON body stand for double quotes, to keep the table readable. */
    private static Arguments row(int status, String body, Kind kind, String message) {
        String realBody = body.startsWith("{") || body.startsWith("[") ? body.replace('\'', '"') : body;
        return Arguments.of(status, realBody, kind, message);
    }

    @Test
    void trimsLongPlainTextBodies() {
        ProviderException e = HttpErrors.fromStatus("vLLM", 500, "x".repeat(5000));

        assertThat(e.getMessage()).hasSize("vLLM: HTTP 500: ".length() + ErrorBody.PLAIN_TEXT_LIMIT);
    }

    @Test
    void namesAnErrorInsideAStreamAsAServerError() throws IOException {
        ProviderException e = HttpErrors.inBand("vLLM", new ObjectMapper().readTree(
                "{\"message\":\"CUDA out of memory\",\"type\":\"InternalServerError\",\"code\":500}"));

        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.getMessage()).isEqualTo("vLLM: error during the stream (InternalServerError): CUDA out of memory");
    }

    @ParameterizedTest
    @MethodSource("connectionFailures")
    void mapsFailuresBeforeAnyResponse(IOException failure, Kind kind) {
        assertThat(HttpErrors.beforeResponse("Ollama", failure).kind()).isEqualTo(kind);
    }

    static Object[][] connectionFailures() {
        return new Object[][] {
            {new ConnectException("Failed to connect to localhost/127.0.0.1:11434"), Kind.UNREACHABLE},
            {new UnknownHostException("gpu-box"), Kind.UNREACHABLE},
            {new SocketTimeoutException("Connect timed out"), Kind.UNREACHABLE},
            {new SocketTimeoutException("timeout"), Kind.TIMEOUT},
        };
    }

    @Test
    void reportsAStreamCutMidwayAsInterruptedWithTheTokenCount() {
        ProviderException e = HttpErrors.midStream("OpenAI", new EOFException("unexpected end of stream"), 12);

        assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("OpenAI: the stream was cut after 12 tokens (unexpected end of stream)");
    }

    @Test
    void redactsKeysFromIoMessages() {
        ProviderException e = HttpErrors.beforeResponse("Gemini",
                new IOException("failed https://g/v1beta/models?key=AIzaSECRET"));

        assertThat(e.getMessage()).doesNotContain("AIzaSECRET");
    }

    @Test
    void anIoErrorWithoutAMessageIsDescribedInWordsNotByItsClass() {
        ProviderException e = HttpErrors.midStream("OpenAI", new EOFException(), 3);

        assertThat(e.getMessage()).isEqualTo("OpenAI: the stream was cut after 3 tokens (the connection closed early)");
    }
}
