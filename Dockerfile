# Build: the same wrapper and pom as a developer machine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/kiwoom-hub-*.jar /src/kiwoom-hub.jar

# Run: a JRE, the jar and the routes folder ops edit.
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 hub
# curl for the compose healthcheck on /actuator/health/readiness
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/kiwoom-hub.jar /app/kiwoom-hub.jar
COPY routes /app/routes
USER hub
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/kiwoom-hub.jar"]
