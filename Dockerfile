# Build: docker build -t covenant-voices .
# Run:   docker run -p 8080:8080 -e DATABASE_URL=... -e REDIS_URL=... -e PRIVACY_KEY=... covenant-voices
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY conversations conversations
COPY prompts prompts
RUN ./mvnw -B -ntp package -DskipTests && cp target/covenant-voices-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system covenant && useradd --system --gid covenant --home /app --shell /usr/sbin/nologin covenant
WORKDIR /app
COPY --from=build /app.jar /app/covenant-voices.jar
COPY conversations /app/conversations
RUN mkdir -p /app/data && chown -R covenant:covenant /app
USER covenant
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=3s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-jar", "/app/covenant-voices.jar"]
