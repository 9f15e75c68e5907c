package org.vaelab.plugins.data.sprites;

/**
 * The three shapes of dSprites (Matthey et al. 2017, "dSprites: Disentanglement testing Sprites
 * dataset", https://github.com/deepmind/dsprites-dataset), drawn by VAELab in the sprite's own
 * frame: coordinates {@code (u, v)} with {@code v} pointing down the image, the sprite's extent
 * about {@code [-1, 1]} in both at scale 1.
 */
public enum SpriteShape {

    /** The square {@code |u| <= 1, |v| <= 1}: area 4. */
    SQUARE(1) {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= 1 && Math.abs(v) <= 1;
        }
    },

    /** The ellipse with semi-axes 1 along {@code u} and 1/2 along {@code v}: area pi / 2. */
    ELLIPSE(2) {
        @Override
        boolean contains(double u, double v) {
            return u * u + 4 * v * v <= 1;
        }
    },

    /**
     * The heart {@code (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0} (Taubin's heart surface cut at z = 0),
     * with {@code x = 1.15 u} and {@code y = 0.12 - 1.15 v}: point down, its bounding box centred
     * on the origin, area about 2.77.
     */
    HEART(3) {
        @Override
        boolean contains(double u, double v) {
            double x = HEART_STRETCH * u;
            double y = HEART_LIFT - HEART_STRETCH * v;
            double ring = x * x + y * y - 1;
            return ring * ring * ring - x * x * y * y * y <= 0;
        }
    };

    private static final double HEART_STRETCH = 1.15;
    private static final double HEART_LIFT = 0.12;

    private final int dspritesValue;

    SpriteShape(int dspritesValue) {
        this.dspritesValue = dspritesValue;
    }

    /** Whether the point {@code (u, v)} of the sprite's frame lies inside the shape. */
    abstract boolean contains(double u, double v);

    /** The value dSprites' {@code latents_values} give the shape: 1 square, 2 ellipse, 3 heart. */
    public int dspritesValue() {
        return dspritesValue;
    }
}
