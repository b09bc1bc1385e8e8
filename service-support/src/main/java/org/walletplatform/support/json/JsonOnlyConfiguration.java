package org.walletplatform.support.json;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * JSON is the API's only format. ShardingSphere and springdoc bring Jackson's XML and
 * YAML modules, so Spring MVC would also read and write XML and YAML bodies: a second way
 * in that no test covers, past the JSON parser's limits and the strict scalars. Their
 * converters are dropped: such a request body is a 415 problem, such an {@code Accept} a
 * 406. A wildcard or multipart {@code Content-Type} is a 415 problem too
 * ({@link BodyTypeFilter}).
 */
@AutoConfiguration
@ConditionalOnClass(ServerHttpMessageConvertersCustomizer.class)
public class JsonOnlyConfiguration {

    @Bean
    ServerHttpMessageConvertersCustomizer jsonOnly() {
        return (builder) -> builder
            .configureMessageConvertersList((converters) -> converters.removeIf(JsonOnlyConfiguration::xmlOrYaml));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<BodyTypeFilter> bodyTypeFilter(JsonMapper json) {
        FilterRegistrationBean<BodyTypeFilter> registration = new FilterRegistrationBean<>(new BodyTypeFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A converter for XML or YAML only (not one that also takes any type, as bytes do).
     */
    static boolean xmlOrYaml(HttpMessageConverter<?> converter) {
        List<MediaType> types = converter.getSupportedMediaTypes();
        return !types.isEmpty() && types.stream()
            .allMatch((type) -> type.getSubtype().endsWith("xml") || type.getSubtype().endsWith("yaml"));
    }

}
