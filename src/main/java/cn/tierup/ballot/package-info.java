/**
 * 无记名测评: secret ballots voted from phones with printed one-time codes. A ballot puts a fixed set of
 * choices on one or more subjects (a 审议 asks 同意/不同意/弃权 on one self-grade; a year-end appraisal
 * rates several organisations with one code). This module alone keeps whether a ballot is open, spends
 * codes and counts; whoever opened a ballot learns its totals when it is closed ({@link cn.tierup.ballot.BallotClosed}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ballot")
package cn.tierup.ballot;
