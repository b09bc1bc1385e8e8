package org.walletplatform.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The HTTP client every load-test step shares: the same pooled Apache client the sync
 * worker uses, so the snapshot-API baseline is driven as hard as the worker could drive
 * it.
 */
final class Http {

    private final CloseableHttpClient client = HttpClients.custom()
        .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(256).setMaxConnPerRoute(256).build())
        .build();

    String get(String url) {
        return send(new HttpGet(url));
    }

    String post(String url, String json) {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post);
    }

    private String send(HttpUriRequestBase request) {
        try {
            return this.client.execute(request, (response) -> {
                String body = (response.getEntity() != null)
                        ? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : "";
                if (response.getCode() >= 300) {
                    throw new IllegalStateException(
                            request.getRequestUri() + " answered " + response.getCode() + ": " + body);
                }
                return body;
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(request.getRequestUri() + " failed", ex);
        }
    }

}
