/** Every error the plugin's APIs return has this shape (Strapi's error middleware). */
export interface ApiError {
  error: {
    status: number;
    name: string;
    message: string;
    details: Record<string, unknown>;
  };
}
