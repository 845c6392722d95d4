package app;

import java.util.List;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

// expect: cors-allows-any-origin
@CrossOrigin
@RestController
public class ProductController {
    @GetMapping("/products")
    public List<String> list() {
        return List.of();
    }
}
