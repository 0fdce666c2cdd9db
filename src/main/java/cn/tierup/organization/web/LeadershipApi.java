package cn.tierup.organization.web;

import cn.tierup.organization.LeadershipPost;
import cn.tierup.organization.LeadershipService;
import cn.tierup.organization.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
@Tag(name = "领导班子", description = "班子成员任职、卸任和调整记录")
class LeadershipApi {

    private final LeadershipService leadership;

    LeadershipApi(LeadershipService leadership) {
        this.leadership = leadership;
    }

    @GetMapping("/orgs/{id}/leadership")
    @Operation(summary = "现任班子成员和历次调整记录")
    List<LeadershipPost> of(@PathVariable long id) {
        return leadership.of(id);
    }

    @PostMapping("/orgs/{id}/leadership")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "任职（书记等单一职务由新任者接任时，前任自动卸任）")
    LeadershipPost appoint(@PathVariable long id, @Valid @RequestBody Appoint body) {
        return leadership.appoint(id, body.personName(), body.post(), body.startedOn());
    }

    @PostMapping("/leadership/{postId}/end")
    @Operation(summary = "卸任（写明日期和原因）")
    LeadershipPost end(@PathVariable long postId, @Valid @RequestBody End body) {
        return leadership.end(postId, body.on(), body.reason());
    }

    record Appoint(String personName, Post post, LocalDate startedOn) {
    }

    record End(LocalDate on, String reason) {
    }
}
