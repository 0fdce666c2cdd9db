package cn.tierup.pledge.internal;

import cn.tierup.pledge.Suggestion;
import cn.tierup.pledge.SuggestionStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SuggestionRepository extends JpaRepository<Suggestion, Long> {

    List<Suggestion> findByBoardIdOrderByIdDesc(long boardId);

    long countByBoardIdAndStatus(long boardId, SuggestionStatus status);
}
