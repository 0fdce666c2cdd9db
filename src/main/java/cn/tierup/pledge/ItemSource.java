package cn.tierup.pledge;

/** Where a pledge item came from: the organisation itself, or a resident's suggestion taken up (群众点诺). */
public enum ItemSource {
    OWN, SUGGESTED
}
