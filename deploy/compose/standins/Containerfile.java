# Stand-in for eclipse-temurin:21-jre: the platform's own JDK (>= 21) on Debian.
ARG BASE
FROM ${BASE}
COPY java /opt/java
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
