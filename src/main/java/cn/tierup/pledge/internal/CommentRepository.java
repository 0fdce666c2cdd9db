package cn.tierup.pledge.internal;

import cn.tierup.pledge.Comment;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentRepository extends JpaRepository<Comment, Long> {

    List<Comment> findByBoardIdOrderByWrittenAtDesc(long boardId);
}
