package io.calmsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.CloudAlmRequest;
import io.calmsdk.api.CloudAlmResponse;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code calm call METHOD PATH}: any Cloud ALM API call through {@link CloudAlmClient#request}, with the
 * token, retries and error messages of calm-sdk. The answer's JSON is pretty-printed on standard
 * output (pipe it to {@code jq}); status and correlation id go to standard error.
 */
@Command(name = "call", sortOptions = false,
        description = {"Call any Cloud ALM API path with a service key and print the JSON answer.",
            "Examples:",
            "  calm call GET /calm-projects/v1/projects",
            "  calm call GET calm-tasks/v1/tasks --query projectId=...",
            "  calm call POST /calm-tasks/v1/tasks --data @task.json",
            "Without a key: against the in-process simulator, with a demo project."})
final class CallCommand implements Callable<Integer> {

    @ParentCommand
    CalmCommand calm;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT, PATCH, DELETE or HEAD.")
    String method;

    @Parameters(index = "1", paramLabel = "PATH",
            description = "Path under the key's endpoints.Api, e.g. /calm-projects/v1/projects (the leading / may be"
                    + " left out); a ?query is allowed.")
    String path;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE", description = "JSON request body, or @FILE to read it.")
    String data;

    @Option(names = "--query", paramLabel = "NAME=VALUE", description = "A query parameter; repeat for more.")
    Map<String, String> query = new LinkedHashMap<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A request header; repeat for more.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--key", paramLabel = "FILE",
            description = "Cloud ALM service key. Default: env CALM_SERVICE_KEY (JSON text or a file path).")
    Path keyFile;

    @Override
    public Integer call() {
        Printer printer = calm.printer();
        CliContext context = calm.context();
        pathUnderApi(path);
        JsonNode body = data == null ? null : parseData(data);
        Optional<ServiceKey> given = new AdminKeyLoader(context.environment()).cloudAlmKey(keyFile);
        try (EmbeddedSimulator sim = given.isPresent() ? null : EmbeddedSimulator.start()) {
            ServiceKey key = given.orElseGet(() -> demoKey(sim, printer));
            try (CloudAlmClient client = CloudAlmClient.builder().credentials(key).options(context.clientOptions())
                    .build()) {
                CloudAlmResponse response = request(client, body).send();
                print(response, printer, sim != null);
            }
        }
        return ExitCodes.OK;
    }

    /** The path as given, with a leading {@code /} added as {@code gh api} does; a fragment is refused. */
    static String pathUnderApi(String given) {
        String p = given.strip();
        if (p.indexOf('#') >= 0) {
            throw new ValidationException("PATH", "contains '#', which starts a URL fragment: nothing after it would"
                    + " reach the service", "a path under endpoints.Api without '#', e.g. /calm-projects/v1/projects;"
                    + " query parameters after '?' or with --query NAME=VALUE");
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    private CloudAlmRequest request(CloudAlmClient client, JsonNode body) {
        String path = pathUnderApi(this.path);
        int q = path.indexOf('?');
        CloudAlmRequest request = client.request(method, q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    request.query(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        query.forEach(request::query);
        headers.forEach(request::header);
        if (body != null) {
            request.body(body);
        }
        return request;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void print(CloudAlmResponse response, Printer printer, boolean embedded) {
        JsonNode json = null;
        if (response.hasBody()) {
            try {
                json = Printer.mapper().readTree(response.body());
            } catch (IOException e) {
                json = null; // not JSON: printed as text below
            }
        }
        String text = !response.hasBody() ? "" : json != null ? Printer.pretty(json) : response.bodyAsString();
        printer.aside("HTTP " + response.status() + ", correlation id " + response.correlationId()
                + response.etag().map(e -> ", ETag " + e).orElse(""));
        if (response.hasBody()) {
            printer.value(text);
        }
        ObjectNode doc = printer.object().put("ok", true).put("mode", embedded ? "embedded-simulator" : "keys")
                .put("status", response.status()).put("correlationId", response.correlationId());
        response.etag().ifPresent(e -> doc.put("etag", e));
        if (json != null) {
            doc.set("body", json);
        } else if (response.hasBody()) {
            doc.put("body", response.bodyAsString());
        } else {
            doc.putNull("body");
        }
        printer.document(doc);
    }

    private static ServiceKey demoKey(EmbeddedSimulator sim, Printer printer) {
        printer.line(EmbeddedSimulator.NOTICE);
        String project = sim.simulator().cloudAlm().createProject(DemoStory.PROJECT_NAME);
        sim.simulator().cloudAlm().createTask(project, DemoStory.TASK_TITLE, "CALMTASK");
        return sim.cloudAlmKey("calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read",
                "calm-api.tasks.write", "calm-api.processhierarchy.read");
    }

    private static JsonNode parseData(String data) {
        String text = data;
        if (data.startsWith("@")) {
            Path file = Path.of(data.substring(1));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ValidationException("--data", "names a file that cannot be read (" + file + ": "
                        + e.getClass().getSimpleName() + ")", "JSON text, or @FILE naming a readable file");
            }
        }
        try {
            return Printer.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ValidationException("--data", "is not JSON" + where, "a JSON document, e.g. {\"title\":\"Cutover\"}");
        }
    }
}
