/**
 * 公开承诺: an organisation's 承诺书 and its members' 党员公开承诺书 — suggested by residents (群众点诺),
 * signed one level up, published on a public page — their fulfilment item by item (践诺), the
 * superior's comments (领导点评) and the public's satisfaction (群众测评).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pledge")
package cn.tierup.pledge;
