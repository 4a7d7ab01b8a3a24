package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's process hierarchy: nodes with SAP's field names ({@code uuid}, {@code parentNodeUUID},
 * {@code rootNodeUUID}, {@code title}, {@code description}, {@code level}, {@code sequence}) and their
 * {@code toExternalReferences}. Creating, changing, moving and deleting nodes keeps levels and roots
 * consistent; deleting a node deletes the nodes below it. Thread-safe: every method locks the store.
 */
final class HierarchyStore {

    /** SAP's name of the parent key, as SAP's process-hierarchy notebook writes it. */
    static final String PARENT = "parentNodeUUID";
    /** The root key, spelled like the parent key. */
    static final String ROOT = "rootNodeUUID";
    /** The composition of external references; sent only when expanded or written. */
    static final String REFERENCES = "toExternalReferences";

    private final World world;
    private final List<ObjectNode> nodes = new ArrayList<>();

    HierarchyStore(World world) {
        this.world = world;
        seedBaseline();
    }

    /** Back to the baseline hierarchy. */
    synchronized void reset() {
        nodes.clear();
        seedBaseline();
    }

    private void seedBaseline() {
        String[] flows = {"Lead to Cash", "Source to Pay", "Design to Operate"};
        ObjectNode root = add(null, "Solution Value Flows", "Process hierarchy node 'Solution Value Flows'", 1);
        int sequence = 1;
        for (String flow : flows) {
            ObjectNode level2 = add(root, flow, "Process hierarchy node '" + flow + "'", sequence++);
            for (int i = 1; i <= 3; i++) {
                String title = flow + " - Process " + i;
                add(level2, title, "Process hierarchy node '" + title + "'", i);
            }
        }
        nodes.forEach(n -> n.put("lastChangedAt", JsonSupport.time(world.now().minus(Duration.ofDays(30)))));
    }

    private ObjectNode add(ObjectNode parent, String title, String description, int sequence) {
        ObjectNode node = JsonSupport.object();
        String id = Ids.uuid();
        node.put("uuid", id);
        if (parent == null) {
            node.putNull(PARENT);
            node.put(ROOT, id);
            node.put("level", 1);
        } else {
            node.put(PARENT, parent.get("uuid").asText());
            node.put(ROOT, parent.get(ROOT).asText());
            node.put("level", parent.get("level").asInt() + 1);
        }
        node.put("title", title);
        node.put("description", description);
        node.put("sequence", sequence);
        node.put("lastChangedAt", JsonSupport.time(world.now()));
        node.putArray(REFERENCES);
        nodes.add(node);
        return node;
    }

    /**
     * Adds level-3 nodes under the baseline level-2 nodes, for paging tests.
     *
     * @param count how many
     */
    synchronized void seed(int count) {
        List<ObjectNode> parents = new ArrayList<>();
        nodes.stream().filter(n -> n.path("level").asInt() == 2).forEach(parents::add);
        for (int i = 0; i < count; i++) {
            add(parents.get(i % parents.size()), "Seeded node " + (i + 1), "Seeded process hierarchy node", 100 + i);
        }
    }

    /** @return copies of every node, external references included */
    synchronized List<ObjectNode> all() {
        List<ObjectNode> result = new ArrayList<>();
        nodes.forEach(n -> result.add(n.deepCopy()));
        return result;
    }

    /**
     * A node.
     *
     * @param uuid the node's key
     * @return a copy of the node, external references included
     */
    synchronized Optional<ObjectNode> find(String uuid) {
        return Optional.ofNullable(node(uuid)).map(ObjectNode::deepCopy);
    }

    private ObjectNode node(String uuid) {
        for (ObjectNode n : nodes) {
            if (n.get("uuid").asText().equals(uuid)) {
                return n;
            }
        }
        return null;
    }

    /**
     * Creates a node: a root without a parent, else a child of it, last among its siblings unless a
     * sequence is given.
     *
     * @param fields validated writable fields ({@code title} required)
     * @return a copy of the node
     * @throws ApiError 400 when the parent does not exist
     */
    synchronized ObjectNode create(ObjectNode fields) {
        ObjectNode parent = null;
        String parentId = text(fields, PARENT);
        if (parentId != null) {
            parent = node(parentId);
            if (parent == null) {
                throw new ApiError(400, "BadRequest", "The parent node " + parentId + " does not exist");
            }
        }
        int sequence = fields.hasNonNull("sequence") ? fields.get("sequence").asInt() : nextSequence(parentId);
        ObjectNode node = add(parent, fields.get("title").asText(), text(fields, "description"), sequence);
        if (fields.has(REFERENCES)) {
            node.set(REFERENCES, fields.get(REFERENCES).deepCopy());
        }
        return node.deepCopy();
    }

    private int nextSequence(String parentId) {
        int max = 0;
        for (ObjectNode n : nodes) {
            if (same(text(n, PARENT), parentId)) {
                max = Math.max(max, n.path("sequence").asInt());
            }
        }
        return max + 1;
    }

    /**
     * Changes a node. A new {@code parentNodeUUID} moves the node (with the nodes below it) under another
     * parent, or makes it a root when null; {@code toExternalReferences} replaces the references.
     *
     * @param uuid the node's key
     * @param changes validated writable fields
     * @return a copy of the changed node, or empty when there is no such node
     * @throws ApiError 400 when the new parent does not exist or lies below the node
     */
    synchronized Optional<ObjectNode> update(String uuid, ObjectNode changes) {
        ObjectNode node = node(uuid);
        if (node == null) {
            return Optional.empty();
        }
        if (changes.has(PARENT)) {
            move(node, text(changes, PARENT));
        }
        for (String field : List.of("title", "description", "sequence")) {
            if (changes.has(field)) {
                node.set(field, changes.get(field));
            }
        }
        if (changes.has(REFERENCES)) {
            node.set(REFERENCES, changes.get(REFERENCES).deepCopy());
        }
        node.put("lastChangedAt", JsonSupport.time(world.now()));
        return Optional.of(node.deepCopy());
    }

    private void move(ObjectNode node, String parentId) {
        String uuid = node.get("uuid").asText();
        if (same(text(node, PARENT), parentId)) {
            return;
        }
        Set<String> subtree = subtree(uuid);
        ObjectNode parent = null;
        if (parentId != null) {
            parent = node(parentId);
            if (parent == null) {
                throw new ApiError(400, "BadRequest", "The parent node " + parentId + " does not exist");
            }
            if (subtree.contains(parentId)) {
                throw new ApiError(400, "BadRequest", "A node cannot be moved below itself");
            }
        }
        String root = parent == null ? uuid : parent.get(ROOT).asText();
        int shift = (parent == null ? 1 : parent.get("level").asInt() + 1) - node.get("level").asInt();
        if (parent == null) {
            node.putNull(PARENT);
        } else {
            node.put(PARENT, parentId);
        }
        for (ObjectNode n : nodes) {
            if (subtree.contains(n.get("uuid").asText())) {
                n.put(ROOT, root);
                n.put("level", n.get("level").asInt() + shift);
            }
        }
    }

    /**
     * Deletes a node and every node below it.
     *
     * @param uuid the node's key
     * @return whether the node existed
     */
    synchronized boolean delete(String uuid) {
        if (node(uuid) == null) {
            return false;
        }
        Set<String> subtree = subtree(uuid);
        nodes.removeIf(n -> subtree.contains(n.get("uuid").asText()));
        return true;
    }

    private Set<String> subtree(String uuid) {
        Set<String> result = new HashSet<>();
        result.add(uuid);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectNode n : nodes) {
                String parent = text(n, PARENT);
                if (parent != null && result.contains(parent) && result.add(n.get("uuid").asText())) {
                    grew = true;
                }
            }
        }
        return result;
    }

    /**
     * The node as the API shows it: external references only when expanded.
     *
     * @param node a node copy
     * @param expandReferences whether {@code $expand=toExternalReferences} was asked for
     * @return the node, changed in place
     */
    static ObjectNode view(ObjectNode node, boolean expandReferences) {
        if (!expandReferences) {
            node.remove(REFERENCES);
        } else if (!node.has(REFERENCES)) {
            node.set(REFERENCES, JsonSupport.array());
        }
        return node;
    }

    /**
     * The external references of a node, for filters.
     *
     * @param node a node
     * @return its references, possibly empty
     */
    static List<JsonNode> references(JsonNode node) {
        List<JsonNode> result = new ArrayList<>();
        JsonNode refs = node.get(REFERENCES);
        if (refs instanceof ArrayNode) {
            refs.forEach(result::add);
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
