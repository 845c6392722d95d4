package app;

import java.util.List;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.cors.CorsConfiguration;

public class CorsConfig {
    @CrossOrigin(origins = "https://shop.example.org")
    public void annotated() {}

    public CorsConfiguration configuration() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of("https://shop.example.org", "https://admin.example.org"));
        config.setAllowCredentials(true);
        return config;
    }
}
