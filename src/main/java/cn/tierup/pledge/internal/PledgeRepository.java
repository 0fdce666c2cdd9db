package cn.tierup.pledge.internal;

import cn.tierup.pledge.Pledge;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PledgeRepository extends JpaRepository<Pledge, Long> {

    List<Pledge> findByBoardIdOrderById(long boardId);
}
