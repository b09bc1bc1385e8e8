package org.walletplatform.order.scene;

import java.util.List;
import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;

/**
 * Which business line may issue in, and read the orders of, which scenes: line id → scene
 * ids, where {@code prefix*} grants every scene starting with the prefix. A line granted
 * nothing may issue nothing. The caller's line comes from its verified signature.
 *
 * @param grants business line id → the scenes granted to it
 */
@ConfigurationProperties("order")
public record SceneGrants(@DefaultValue Map<String, List<String>> grants) {

    public boolean granted(String line, String sceneId) {
        return this.grants.getOrDefault(line, List.of())
            .stream()
            .anyMatch((g) -> g.endsWith("*") ? sceneId.startsWith(g.substring(0, g.length() - 1)) : g.equals(sceneId));
    }

    /** Refuses (403 scene-not-granted) a line acting in a scene not granted to it. */
    public void require(String line, String sceneId) {
        if (!granted(line, sceneId)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemTypes.SCENE_NOT_GRANTED, "Scene not granted",
                    "Business line '" + line + "' may not act in scene '" + sceneId + "'.");
        }
    }

}
