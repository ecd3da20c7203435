"""What the image rules share beyond seoaudit.derive.images: the smallest image a share preview shows."""

MIN_WIDTH = MIN_HEIGHT = 200  # pixels: below this Facebook shows no image (image/too-small)
