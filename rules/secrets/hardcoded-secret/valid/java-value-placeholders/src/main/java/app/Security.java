package app;

import com.auth0.jwt.algorithms.Algorithm;
import org.springframework.beans.factory.annotation.Value;

public class Security {
    @Value("${app.jwt.secret}")
    private String jwtSecret;

    private static final String SECRET_PROPERTY = "app.jwt.secret";

    Algorithm algorithm(String key) {
        return Algorithm.HMAC256(key);
    }

    String password() {
        return System.getenv("DB_PASSWORD");
    }
}
