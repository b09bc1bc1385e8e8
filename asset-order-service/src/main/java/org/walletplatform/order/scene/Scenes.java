package org.walletplatform.order.scene;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Every configured scene, by id.
 */
@Component
public class Scenes {

    private final Map<String, Scene> byId = new TreeMap<>();

    Scenes(ScenesProperties properties) {
        properties.scenes().forEach((id, spec) -> this.byId.put(id, spec.toScene(id)));
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(this.byId.keySet());
    }

    public Optional<Scene> find(String id) {
        return Optional.ofNullable(this.byId.get(id));
    }

}
